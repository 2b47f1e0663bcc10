/** The gift box, a 24×24 stroke icon: the launcher draws it with DOM calls, the panel with JSX. */
export const GIFT_PATHS = [
  'M4 11h16v9a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1z',
  'M3 7h18v4H3z',
  'M12 7v14',
  'M12 7C10.5 3.5 6.5 3.5 7 6c.3 1.2 2.5 1 5 1',
  'M12 7c1.5-3.5 5.5-3.5 5-1-.3 1.2-2.5 1-5 1',
] as const;
