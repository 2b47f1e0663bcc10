/** The panel's element id, referenced by the launcher's `aria-controls`. */
export const PANEL_ID = 'sadakat-panel';
