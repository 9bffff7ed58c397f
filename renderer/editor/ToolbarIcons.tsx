import type { ReactElement } from 'react';

/**
 * Small inline icons (no icon font, nothing fetched). Glyphs that point a direction are drawn
 * explicitly so they mean the same in both interface directions.
 */
const svg = (children: ReactElement | ReactElement[]) => (
  <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
    {children}
  </svg>
);

export const icons = {
  bold: svg(<path d="M7 5h6a3.5 3.5 0 0 1 0 7H7zM7 12h7a3.5 3.5 0 0 1 0 7H7z" />),
  italic: svg([<path key="a" d="M10 5h8" />, <path key="b" d="M6 19h8" />, <path key="c" d="M14 5l-4 14" />]),
  bulletList: svg([
    <path key="a" d="M10 6h10M10 12h10M10 18h10" />,
    <circle key="b" cx="5" cy="6" r="1" fill="currentColor" />,
    <circle key="c" cx="5" cy="12" r="1" fill="currentColor" />,
    <circle key="d" cx="5" cy="18" r="1" fill="currentColor" />,
  ]),
  orderedList: svg([
    <path key="a" d="M10 6h10M10 12h10M10 18h10" />,
    <path key="b" d="M4 4h1.5v4M4 8h3M4 14.5a1.5 1.5 0 0 1 3 0c0 1-3 2-3 3.5h3" strokeWidth="1.5" />,
  ]),
  blockquote: svg([<path key="a" d="M6 17c-1.5 0-2-1-2-3 0-3 1-6 4-7" />, <path key="b" d="M15 17c-1.5 0-2-1-2-3 0-3 1-6 4-7" />]),
  link: svg([<path key="a" d="M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1" />, <path key="b" d="M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1" />]),
  horizontalRule: svg([<path key="a" d="M4 12h16" />, <path key="b" d="M8 7h8M8 17h8" strokeWidth="1" />]),
  image: svg([<rect key="a" x="3" y="5" width="18" height="14" rx="2" />, <circle key="b" cx="9" cy="10" r="1.5" />, <path key="c" d="M21 16l-5-5-8 8" />]),
  undo: svg(<path d="M9 14L4 9l5-5M4 9h10a6 6 0 0 1 0 12h-3" />),
  redo: svg(<path d="M15 14l5-5-5-5M20 9H10a6 6 0 0 0 0 12h3" />),
  save: svg([<path key="a" d="M5 3h11l3 3v15H5z" />, <path key="b" d="M8 3v5h7V3M8 21v-7h8v7" />]),
  dirRtl: svg([<path key="a" d="M10 4v16M14 4v16M14 4h-5a4 4 0 0 0 0 8h1" />, <path key="b" d="M22 17H15M18 14l-3 3 3 3" transform="translate(-12 0)" />]),
  dirLtr: svg([<path key="a" d="M10 4v16M14 4v16M14 4h-5a4 4 0 0 0 0 8h1" />, <path key="b" d="M15 17h7M19 14l3 3-3 3" transform="translate(-1 0)" />]),
  comment: svg([<path key="a" d="M4 5h16v11H9l-5 4z" />, <path key="b" d="M8 9h8M8 12h5" />]),
  dirAuto: svg([<path key="a" d="M10 4v16M14 4v16M14 4h-5a4 4 0 0 0 0 8h1" />, <path key="b" d="M16 17h6M18 15l-2 2 2 2M20 15l2 2-2 2" />]),
};
