/** Interface strings of the search feature, Arabic and English (same keys; merged into ar.ts / en.ts as `search`). */
export const searchAr = {
  title: '',
};

export const searchEn: typeof searchAr = {
  title: '',
};
