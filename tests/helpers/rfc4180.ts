/**
 * A strict RFC 4180 reader, written from the RFC's grammar and independent of the CSV code under test: records end
 * with CRLF (the last one too), a field is either quoted (`"…"`, with `""` for a quote, and anything else inside,
 * line breaks included) or holds no comma, quote, CR or LF. Anything else — a bare CR or LF in an unquoted field,
 * a quote inside one, text after a closing quote — is an error naming the byte offset.
 */
export function readRfc4180(text: string): string[][] {
  const records: string[][] = []
  let i = 0
  const fail = (what: string): never => {
    throw new Error(`Not RFC 4180 at offset ${i}: ${what} (${JSON.stringify(text.slice(Math.max(0, i - 20), i + 20))})`)
  }
  while (i < text.length) {
    const record: string[] = []
    for (;;) {
      let field = ''
      if (text[i] === '"') {
        i++
        for (;;) {
          if (i >= text.length) fail('a quoted field is not closed')
          const c = text[i] as string
          if (c === '"') {
            if (text[i + 1] === '"') {
              field += '"'
              i += 2
              continue
            }
            i++
            break
          }
          field += c
          i++
        }
      } else {
        while (i < text.length && !',"\r\n'.includes(text[i] as string)) field += text[i++]
        if (text[i] === '"') fail('a quote inside an unquoted field')
      }
      record.push(field)
      if (text[i] === ',') {
        i++
        continue
      }
      if (text[i] === '\r' && text[i + 1] === '\n') {
        i += 2
        break
      }
      fail(i >= text.length ? 'the last record does not end with CRLF' : 'a field ends with something other than a comma or CRLF')
    }
    records.push(record)
  }
  return records
}
