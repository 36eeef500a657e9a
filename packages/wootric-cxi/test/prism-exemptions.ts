/**
 * Operations the Prism test cannot check, exercised against the stateful fake instead. Prism reads
 * no array of hashes in a form body: a correct `responses[][id]=…` request is reported as missing
 * `responses`, whatever its spelling.
 */
export const notCheckableByPrism = ['updateSegmentsInBulk'];
