import { useEffect, useState } from 'react';
import { formatDuration } from '../format/metrics';

/** A live clock for a response still streaming; only this text node re-renders on each tick. */
export function Elapsed({ since }: { since: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, []);
  return <>{formatDuration(Math.max(0, now - since))}</>;
}
