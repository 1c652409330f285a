/** File types the reader can add (the file pickers' `accept`). */
export const TEXT_FILE_ACCEPT = '.md,.markdown,.txt,.html,.htm,text/plain,text/markdown,text/html';
