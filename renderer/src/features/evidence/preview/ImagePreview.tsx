import type { Preview } from '../../../../../shared/domain/evidence';

type ImagePreviewData = Extract<Preview, { type: 'image' }>;

/**
 * Raster formats only. SVG is markup and arrives as source text; anything else in an image
 * preview is refused here as well, so a wrong answer from main cannot put markup in an <img>.
 */
const RASTER =
  /^data:image\/(png|jpeg|gif|webp|bmp|avif|x-icon|vnd\.microsoft\.icon);base64,[A-Za-z0-9+/=]*$/;

export function ImagePreview({ preview, name }: { preview: ImagePreviewData; name: string }) {
  if (!RASTER.test(preview.dataUrl)) {
    return <p className="muted">This image type is not shown; use the Hex tab to see its bytes.</p>;
  }
  return (
    <figure className="evp-image">
      <img className="evp-image__img" src={preview.dataUrl} alt={name} />
      <figcaption className="muted">{preview.mediaType}</figcaption>
    </figure>
  );
}
