import type { Database } from '../../common/cloud'
import type { CollectionName, DocumentOf } from '../../common/documents'

/** Ids per query: within what one server-side get answers (1000), and a modest `$in`. */
const IDS_PER_QUERY = 100

/** The documents of `ids` that exist (and meet `where`), fetched in parallel queries of at most 100 ids. */
export async function documentsByIds<Name extends CollectionName>(
  db: Database,
  name: Name,
  ids: readonly string[],
  where: Readonly<Record<string, unknown>> = {},
): Promise<DocumentOf<Name>[]> {
  const unique = [...new Set(ids)]
  const chunks: string[][] = []
  for (let start = 0; start < unique.length; start += IDS_PER_QUERY)
    chunks.push(unique.slice(start, start + IDS_PER_QUERY))
  const answers = await Promise.all(
    chunks.map((chunk) =>
      db
        .collection(name)
        .where({ ...where, _id: db.command.in(chunk) })
        .limit(chunk.length)
        .get(),
    ),
  )
  return answers.flatMap(({ data }) => data)
}
