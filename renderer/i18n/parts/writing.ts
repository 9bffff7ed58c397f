/** Interface strings of the writing feature, Arabic and English (same keys; merged into ar.ts / en.ts as `writing`). */
export const writingAr = {
  title: '',
};

export const writingEn: typeof writingAr = {
  title: '',
};
