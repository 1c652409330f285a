/**
 * The vector encoding the committed vector files share (`word-vectors.ts`,
 * `passage-embeddings.ts`): each vector L2-normalized, multiplied by 127 and
 * rounded to a signed byte, the bytes of all vectors in a row, base64. Bytes
 * rather than floats make a file ~4× smaller; a cosine moves by < 0.01.
 */

/** Normalizes and quantizes `vectors` (each of at least `dims` numbers) into base64. */
export function encodeQuantizedVectors(
  vectors: readonly (readonly number[])[],
  dims: number,
): string {
  const bytes = new Int8Array(vectors.length * dims);
  vectors.forEach((v, i) => {
    let norm = 0;
    for (let d = 0; d < dims; d++) norm += v[d]! * v[d]!;
    norm = Math.sqrt(norm) || 1;
    for (let d = 0; d < dims; d++) bytes[i * dims + d] = Math.round((v[d]! / norm) * 127);
  });
  let binary = '';
  const u8 = new Uint8Array(bytes.buffer);
  // In slices: spreading a whole file's bytes into one call would overflow the argument stack.
  for (let i = 0; i < u8.length; i += 0x8000)
    binary += String.fromCharCode(...u8.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The `index`-th vector of `binary` (`atob` of the base64) as a unit vector. */
export function decodeQuantizedVector(binary: string, index: number, dims: number): Float32Array {
  const v = new Float32Array(dims);
  let norm = 0;
  for (let d = 0; d < dims; d++) {
    const byte = binary.charCodeAt(index * dims + d);
    v[d] = byte > 127 ? byte - 256 : byte;
    norm += v[d]! * v[d]!;
  }
  norm = Math.sqrt(norm) || 1;
  for (let d = 0; d < dims; d++) v[d]! /= norm;
  return v;
}
