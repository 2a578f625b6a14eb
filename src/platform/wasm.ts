// Workers forbid compiling WebAssembly from bytes at run time, but onnxruntime-web and
// tesseract-wasm only accept raw `wasmBinary` bytes. We hand them a short marker instead
// and teach WebAssembly.instantiate to swap the marker for the precompiled module that
// wrangler imported for us. Every other call passes through untouched.

const MARKER_PREFIX = [0x00, 0x63, 0x65, 0x2d, 0x77, 0x61, 0x73, 0x6d]; // "\0ce-wasm"

const modules: WebAssembly.Module[] = [];
let installed = false;

/** Bytes to pass as a library's `wasmBinary` so that it ends up instantiating `module`. */
export function wasmBinaryFor(module: WebAssembly.Module): Uint8Array {
  installInstantiateShim();
  let index = modules.indexOf(module);
  if (index === -1) index = modules.push(module) - 1;
  return Uint8Array.from([...MARKER_PREFIX, index]);
}

function markerIndex(source: unknown): number | undefined {
  const bytes =
    source instanceof Uint8Array
      ? source
      : source instanceof ArrayBuffer
        ? new Uint8Array(source)
        : ArrayBuffer.isView(source)
          ? new Uint8Array(source.buffer, source.byteOffset, source.byteLength)
          : undefined;
  if (!bytes || bytes.byteLength !== MARKER_PREFIX.length + 1) return undefined;
  if (!MARKER_PREFIX.every((b, i) => bytes[i] === b)) return undefined;
  return bytes[MARKER_PREFIX.length];
}

function installInstantiateShim(): void {
  if (installed) return;
  installed = true;
  const original = WebAssembly.instantiate.bind(WebAssembly) as (
    source: BufferSource | WebAssembly.Module,
    imports?: WebAssembly.Imports,
  ) => Promise<unknown>;
  const shim = async (source: BufferSource | WebAssembly.Module, imports?: WebAssembly.Imports) => {
    const index = markerIndex(source);
    const module = index === undefined ? undefined : modules[index];
    if (!module) return original(source, imports);
    const instance = await original(module, imports);
    return { instance, module };
  };
  (WebAssembly as { instantiate: unknown }).instantiate = shim;
}
