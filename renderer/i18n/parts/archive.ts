/** Interface strings of the archive feature, Arabic and English (same keys; merged into ar.ts / en.ts as `archive`). */
export const archiveAr = {
  title: '',
};

export const archiveEn: typeof archiveAr = {
  title: '',
};
