// The __name__ module's query face: what other modules may ask of it. They never read its tables.
