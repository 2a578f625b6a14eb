// Binary fixtures imported through wrangler's Data rule arrive as ArrayBuffers.
declare module "*.pdf" {
  const bytes: ArrayBuffer;
  export default bytes;
}
declare module "*.gz" {
  const bytes: ArrayBuffer;
  export default bytes;
}
