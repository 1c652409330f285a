/**
 * The column headings of the Library's lists (`library-dialog.tsx`'s texts of the reader's own,
 * `builtin-texts.tsx`'s built-in two): one head, so the two tables keep the same columns.
 */
import type { ReactNode } from 'react';

/** The `<thead>` of a Library list: title, author, date, size, annotations and the actions. */
export function LibraryListHead(): ReactNode {
  return (
    <thead>
      <tr>
        <th scope="col">Title</th>
        <th scope="col">Author</th>
        <th scope="col">Date</th>
        <th scope="col">Size</th>
        <th scope="col">Annotations</th>
        <th scope="col">
          <span className="visually-hidden">Actions</span>
        </th>
      </tr>
    </thead>
  );
}
