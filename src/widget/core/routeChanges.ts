/** The part of the Navigation API used here (not in every browser, nor in TypeScript's DOM lib). */
type NavigationTarget = Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;

/**
 * Calls `onChange` after a single-page app moves to another route, without patching `history`:
 * the Navigation API's `currententrychange` (fired for `pushState`, `replaceState` and back/forward)
 * where the browser has it, else `popstate`. A change of the hash alone is not a new page (the
 * `#sadakat-<view>` links have their own listener), nor is a `replaceState` to the same URL.
 * `onChange` runs a task later, once the app has had a chance to render the new route.
 * Returns the removal of everything it added.
 */
export function watchRouteChanges(win: Window, onChange: () => void): () => void {
  const path = () => win.location.href.replace(/#.*$/, '');
  let last = path();
  let timer: number | undefined;
  const check = () => {
    win.clearTimeout(timer);
    timer = win.setTimeout(() => {
      if (path() === last) return;
      last = path();
      onChange();
    });
  };
  const navigation = (win as { navigation?: NavigationTarget }).navigation;
  const target: NavigationTarget = navigation ?? win;
  const type = navigation ? 'currententrychange' : 'popstate';
  target.addEventListener(type, check);
  return () => {
    win.clearTimeout(timer);
    target.removeEventListener(type, check);
  };
}
