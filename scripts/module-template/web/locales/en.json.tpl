{
  "title": "__Pascal__",
  "intro": "What this page is for, in one sentence.",
  "empty": "Nothing here yet.",
  "columns": { "title": "Title", "created": "Added" }
}
