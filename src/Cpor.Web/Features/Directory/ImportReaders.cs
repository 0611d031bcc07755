using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;

namespace Cpor.Web.Features.Directory;

/// <summary>Reads import bodies line by line: JSON lines, or CSV files of one record type each.</summary>
public static class ImportReaders
{
    /// <summary>Longest line accepted; a longer one is malformed.</summary>
    public const int MaxLineChars = 1024 * 1024;

    private static readonly Dictionary<string, string[]> CsvColumns = new()
    {
        ["tenant"] = ["tenantId", "name"],
        ["subscription"] = ["subscriptionId", "tenantId", "productId", "channel", "state"],
        ["usage"] = ["tenantId", "productId", "month"],
        ["dpor"] = ["subscriptionId", "partnerOrgId"],
        ["legacyAssociation"] = ["partnerOrgId", "mpnId", "tenantId", "productId", "subscriptionId", "activity", "activeFrom"],
    };

    public static async IAsyncEnumerable<ImportLine> JsonLinesAsync(Stream body, [EnumeratorCancellation] CancellationToken ct)
    {
        using var reader = new StreamReader(body, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true, bufferSize: 65536);
        var lines = new LineReader(reader);
        long number = 0;
        while (await lines.ReadLineAsync(number + 1, ct) is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(line);
            }
            catch (JsonException e)
            {
                throw new ImportMalformedException(number, e.Message);
            }

            using (document)
            {
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    throw new ImportMalformedException(number, "not a JSON object");
                }

                var type = document.RootElement.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
                // Clone: the record outlives the document's pooled buffers.
                yield return new ImportLine(number, type, ImportFields.FromJson(document.RootElement.Clone()));
            }
        }
    }

    /// <summary>A CSV file of one record type; the header names the columns (any order, extra ones ignored).</summary>
    public static async IAsyncEnumerable<ImportLine> CsvAsync(Stream body, string type, [EnumeratorCancellation] CancellationToken ct)
    {
        if (!CsvColumns.TryGetValue(type, out var required))
        {
            throw new ImportMalformedException(0, $"unknown record type '{type}'");
        }

        using var reader = new StreamReader(body, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true, bufferSize: 65536);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiter = true,
            TrimOptions = TrimOptions.Trim,
            BadDataFound = args => throw new ImportMalformedException(args.Context.Parser?.RawRow ?? 0, "bad CSV data: " + args.RawRecord),
            MaxFieldSize = MaxLineChars,
        };
        using var csv = new CsvReader(reader, config);
        string[] header;
        try
        {
            if (!await csv.ReadAsync() || !csv.ReadHeader())
            {
                yield break;
            }

            header = csv.HeaderRecord ?? [];
        }
        catch (CsvHelperException e)
        {
            throw new ImportMalformedException(1, e.Message);
        }

        var missing = required.Where(c => !header.Contains(c, StringComparer.Ordinal)).ToList();
        if (missing.Count > 0)
        {
            throw new ImportMalformedException(1, "missing columns: " + string.Join(", ", missing));
        }

        while (true)
        {
            ct.ThrowIfCancellationRequested();
            bool more;
            try
            {
                more = await csv.ReadAsync();
            }
            catch (CsvHelperException e)
            {
                throw new ImportMalformedException(csv.Parser.RawRow, e.Message);
            }

            if (!more)
            {
                yield break;
            }

            if (csv.Parser.Count != header.Length)
            {
                throw new ImportMalformedException(csv.Parser.RawRow, $"{csv.Parser.Count} fields where the header has {header.Length}");
            }

            var row = new Dictionary<string, string?>(header.Length, StringComparer.Ordinal);
            for (var i = 0; i < header.Length; i++)
            {
                row[header[i]] = csv.Parser[i];
            }

            yield return new ImportLine(csv.Parser.RawRow, type, ImportFields.FromCsv(row));
        }
    }

    /// <summary>The record type a CSV file holds, from a query value or a file name such as <c>subscriptions.csv</c>.</summary>
    public static string? CsvTypeOf(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var stem = Path.GetFileNameWithoutExtension(name.Trim()).ToLowerInvariant();
        // legacyAssociation, legacy-associations.csv, 2026-legacy_associations.csv...
        var compact = stem.Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal);
        return ImportParser.Types.FirstOrDefault(t => stem == t || stem == t + "s" || stem.EndsWith("-" + t, StringComparison.Ordinal) || stem.EndsWith("-" + t + "s", StringComparison.Ordinal)
            || (t == "usage" && stem.StartsWith("usage", StringComparison.Ordinal)) || (t == "dpor" && stem.StartsWith("dpor", StringComparison.Ordinal))
            || (t == "legacyAssociation" && (compact.EndsWith("legacyassociation", StringComparison.Ordinal) || compact.EndsWith("legacyassociations", StringComparison.Ordinal))));
    }

    /// <summary>Reads lines asynchronously (request bodies allow no synchronous reads), refusing any longer than <see cref="MaxLineChars"/>.</summary>
    private sealed class LineReader(StreamReader reader)
    {
        private readonly char[] _buffer = new char[65536];
        private int _position;
        private int _length;

        public async ValueTask<string?> ReadLineAsync(long number, CancellationToken ct)
        {
            var line = new StringBuilder();
            while (true)
            {
                if (_position == _length)
                {
                    try
                    {
                        _length = await reader.ReadAsync(_buffer, ct);
                    }
                    catch (DecoderFallbackException)
                    {
                        throw new ImportMalformedException(number, "not UTF-8 text");
                    }

                    _position = 0;
                    if (_length == 0)
                    {
                        return line.Length == 0 ? null : line.ToString();
                    }
                }

                var newline = Array.IndexOf(_buffer, '\n', _position, _length - _position);
                var end = newline < 0 ? _length : newline;
                line.Append(_buffer, _position, end - _position);
                _position = newline < 0 ? _length : newline + 1;
                if (line.Length > MaxLineChars)
                {
                    throw new ImportMalformedException(number, "line too long");
                }

                if (newline >= 0)
                {
                    return line.ToString().TrimEnd('\r');
                }
            }
        }
    }
}
