import { useEffect, useState } from 'react';

/**
 * An object URL for a blob, owned by the component that shows it: created when the blob arrives, revoked when the
 * blob changes or the component goes. The blob itself may be cached (TanStack Query); a cached URL would not be,
 * since a revoked URL left in the cache shows a broken image at the next visit.
 */
export function useObjectUrl(blob: Blob | undefined | null): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!blob) return undefined;
    const objectUrl = URL.createObjectURL(blob);
    setUrl(objectUrl);
    return () => {
      URL.revokeObjectURL(objectUrl);
      setUrl(null);
    };
  }, [blob]);
  return url;
}
