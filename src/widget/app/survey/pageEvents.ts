/**
 * The page events the survey outbox answers: `leaving` when the page goes away (`pagehide`, or
 * hidden, which on phones is often the last event a page gets) and `online` when the connection
 * returns. Returns the cleanup.
 */
export function watchPageEvents(win: Window, on: { leaving(): void; online(): void }): () => void {
  const { leaving, online } = on;
  const onVisibility = () => {
    if (win.document.visibilityState === 'hidden') leaving();
  };
  win.addEventListener('online', online);
  win.addEventListener('pagehide', leaving);
  win.document.addEventListener('visibilitychange', onVisibility);
  return () => {
    win.removeEventListener('online', online);
    win.removeEventListener('pagehide', leaving);
    win.document.removeEventListener('visibilitychange', onVisibility);
  };
}
