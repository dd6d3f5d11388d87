import { ApiError, reportUnauthorized } from '../shell/api.js';

/**
 * Uploads a dataset file as multipart (`file`, `name`) with upload progress — `fetch` cannot
 * report upload progress, XMLHttpRequest can.
 *
 * @example
 * await uploadDataset(file, 'orders', (f) => bar.set(f, 'Uploading'));
 */
export function uploadDataset(file: File, name: string, onProgress: (fraction: number) => void): Promise<unknown> {
  const form = new FormData();
  form.append('file', file, file.name);
  form.append('name', name);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/datasets');
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the server's JSON body or its plain text
      let body: any = xhr.responseText;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // plain-text error body
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(body);
      if (xhr.status === 401) reportUnauthorized();
      reject(new ApiError(xhr.status, typeof body === 'string' ? body || `Upload failed (${xhr.status})` : String(body.error?.message ?? body.error ?? body.message ?? `Upload failed (${xhr.status})`)));
    };
    xhr.onerror = () => reject(new Error('The upload failed: the server could not be reached.'));
    xhr.send(form);
  });
}

/**
 * A dataset name from a file name: lower-case letters, digits and underscores.
 *
 * @example
 * datasetNameFor('Orders 2024.csv'); // → 'orders_2024'
 */
export function datasetNameFor(filename: string): string {
  return filename.replace(/\.(csv|tsv|txt|json|parquet|arrow|gz)$/gi, '').replace(/\.(csv|tsv|json)$/i, '').toLowerCase().replace(/[^a-z0-9_]+/g, '_').replace(/^_+|_+$/g, '') || 'dataset';
}
