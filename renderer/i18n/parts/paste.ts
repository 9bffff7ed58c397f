/** Interface strings of the paste feature, Arabic and English (same keys; merged into ar.ts / en.ts as `paste`). */
export const pasteAr = {
  title: '',
};

export const pasteEn: typeof pasteAr = {
  title: '',
};
