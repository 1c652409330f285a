/**
 * Says a piece of news once, when it is true and no other message is on screen: the news waits
 * for the message before it to go rather than replace it. For news nobody asked for and nothing
 * depends on ("Diptych is ready to work offline.", `use-app-update.ts`): it came about 7 s after
 * the page opened, in the middle of what the reader was doing, and replaced whatever was shown,
 * a refused file's reason among them.
 *
 * What it is not for: messages a reader's action causes (they replace the one before, as the
 * reader expects), nor offers that need an answer (`Notice`'s offer).
 */
import { useEffect, useRef } from 'react';

/** Calls `notify(message)` once, the first time `news` is true while `noticeShown` is false. */
export function useSayWhenQuiet(
  news: boolean,
  message: string,
  notify: (message: string) => void,
  noticeShown: boolean,
): void {
  const said = useRef(false);
  useEffect(() => {
    if (!news || said.current || noticeShown) return;
    said.current = true;
    notify(message);
  }, [news, message, notify, noticeShown]);
}
