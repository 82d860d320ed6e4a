/** A size as people read it in an error message: `25 MiB`, `256 KiB`. */
export const sizeText = (bytes: number) =>
  bytes >= 2 ** 20
    ? `${Math.round((bytes / 2 ** 20) * 10) / 10} MiB`
    : `${Math.round((bytes / 2 ** 10) * 10) / 10} KiB`;
