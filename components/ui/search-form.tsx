/** A GET search box over a list (`?q=`), so results can be bookmarked and paged. */
export function SearchForm({ q, placeholder, label }: { q?: string; placeholder: string; label: string }) {
  return (
    <form className="mb-4 flex max-w-md gap-2" role="search">
      <input
        name="q"
        defaultValue={q}
        placeholder={placeholder}
        aria-label={label}
        className="flex-1 rounded-md border border-slate-300 px-3 py-2 text-sm"
        maxLength={100}
      />
      <button className="rounded-md border border-slate-300 bg-white px-3 text-sm hover:bg-slate-50">{label}</button>
    </form>
  );
}
