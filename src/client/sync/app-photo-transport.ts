/**
 * The app's photo transport: the one `requestPhotos` (photo-download.ts) uses when an opened
 * entry lacks photos; set when the app starts syncing, null while signed out.
 */
import type { PhotoTransport } from './photo-transport.ts';

let appPhotoTransport: PhotoTransport | null = null;

/** Sets (or, with null, clears) the transport `requestPhotos` uses. */
export function setAppPhotoTransport(transport: PhotoTransport | null): void {
  appPhotoTransport = transport;
}

export function getAppPhotoTransport(): PhotoTransport | null {
  return appPhotoTransport;
}
