import { useEffect, useState } from 'preact/hooks';
import type { LiveEvent } from '../../api/live.js';

/** Most live notices kept on screen. */
const MAX_NOTICES = 3;

/** Subscribes to `/api/live`; returns recent notices, a counter that bumps on each update, and connection state. */
export function useLive(): { notices: LiveEvent[]; version: number; connected: boolean } {
  const [notices, setNotices] = useState<LiveEvent[]>([]);
  const [version, setVersion] = useState(0);
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const es = new EventSource('/api/live');
    const on = (e: MessageEvent<string>) => {
      try {
        const event = JSON.parse(e.data) as LiveEvent;
        setNotices((n) => [event, ...n].slice(0, MAX_NOTICES));
        setVersion((v) => v + 1);
      } catch {
        // Ignore a malformed message rather than break the page.
      }
    };
    es.addEventListener('article', on);
    es.addEventListener('batch', on);
    es.onopen = () => setConnected(true);
    es.onerror = () => setConnected(false);
    return () => es.close();
  }, []);
  return { notices, version, connected };
}
