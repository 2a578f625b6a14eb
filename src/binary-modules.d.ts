// What wrangler's module rules give binary imports: *.wasm is a compiled WebAssembly.Module
// (the default rule); the Data rule in wrangler.toml gives the rest as ArrayBuffers.
declare module "*.wasm" {
  const module: WebAssembly.Module;
  export default module;
}

declare module "*.onnx" {
  const bytes: ArrayBuffer;
  export default bytes;
}

declare module "*.pdf" {
  const bytes: ArrayBuffer;
  export default bytes;
}

declare module "*.gz" {
  const bytes: ArrayBuffer;
  export default bytes;
}

declare module "*.bin" {
  const bytes: ArrayBuffer;
  export default bytes;
}
