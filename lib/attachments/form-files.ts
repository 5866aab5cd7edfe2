/**
 * A browser sends an empty file input as a part with an empty filename and no bytes. Next's
 * server-action decoder (busboy, then React) turns that part into a File named "undefined",
 * undici's `formData()` into one named "", and a Blob appended without a name is called
 * "blob". None of them is a file the person chose: an empty part without a real name is
 * "no file" wherever attachments are read (help center, 티켓 생성, replies, mail, API).
 */
export function isNoFile(v: Blob & { name?: string }): boolean {
  return v.size === 0 && (v.name === undefined || v.name === '' || v.name === 'undefined' || v.name === 'blob');
}

/** The files the person really attached under `name` (strings and empty unnamed parts left out). */
export function formFiles(form: FormData, name: string): File[] {
  return form.getAll(name).filter((x): x is File => typeof x !== 'string' && !isNoFile(x));
}

/** True when a real file came under a name the form did not offer (refused rather than dropped). */
export function hasStrayFiles(form: FormData, offered: ReadonlySet<string>): boolean {
  return [...form.entries()].some(([k, v]) => typeof v !== 'string' && !isNoFile(v) && !offered.has(k));
}
