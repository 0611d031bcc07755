using System.Runtime.CompilerServices;

namespace Cpor.Web.Features.Directory;

/// <summary>
/// Several uploaded files as one import (the multipart body of the API and the admin page's form):
/// each file is JSON lines (<c>.ndjson</c>, <c>.jsonl</c>) or a CSV of one record type named by its
/// field or file name, and they are read parents first — tenants, subscriptions, usage, DPOR links —
/// whatever order they were sent in.
/// </summary>
public static class ImportFiles
{
    /// <summary>The files in reading order with their CSV type (null for JSON lines); null when one file's type is unknown.</summary>
    public static IReadOnlyList<(ImportFile File, string? CsvType)>? Order(IEnumerable<ImportFile> files)
    {
        var typed = new List<(ImportFile File, string? CsvType, int Order)>();
        foreach (var file in files)
        {
            if (!TryClassify(file, out var csvType))
            {
                return null;
            }

            typed.Add((file, csvType, csvType is null ? -1 : ImportParser.Types.ToList().IndexOf(csvType)));
        }

        return [.. typed.OrderBy(t => t.Order).Select(t => (t.File, t.CsvType))];
    }

    /// <summary>JSON lines by extension; otherwise the CSV record type its field name or file name says.</summary>
    public static bool TryClassify(ImportFile file, out string? csvType)
    {
        var isJsonLines = file.FileName.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase) || file.FileName.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase);
        csvType = isJsonLines ? null : ImportReaders.CsvTypeOf(file.FieldName) ?? ImportReaders.CsvTypeOf(file.FileName);
        return isJsonLines || csvType is not null;
    }

    /// <summary>Every line of every file, in the order given.</summary>
    public static async IAsyncEnumerable<ImportLine> LinesAsync(IReadOnlyList<(ImportFile File, string? CsvType)> files, [EnumeratorCancellation] CancellationToken ct)
    {
        foreach (var (file, csvType) in files)
        {
            await using var content = file.Open();
            var lines = csvType is null ? ImportReaders.JsonLinesAsync(content, ct) : ImportReaders.CsvAsync(content, csvType, ct);
            await foreach (var line in lines.WithCancellation(ct))
            {
                yield return line with { File = file.FileName };
            }
        }
    }
}
