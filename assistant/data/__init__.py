"""Language data: the jieba domain lexicon and the query-expansion synonyms."""
