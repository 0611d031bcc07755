using System.Globalization;
using System.Text;
using CsvHelper;

namespace Cpor.Web.Features.Associations;

/// <summary>
/// The CSV download of an association's usage: one row per month, machine-readable (invariant
/// numbers, <c>yyyy-MM</c> months, camelCase headers like the claims export).
/// </summary>
public static class UsageCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static string FileName(UsageResponse usage)
    {
        var product = new string(usage.ProductId.Where(c => char.IsAsciiLetterOrDigit(c) || c == '-').ToArray());
        return $"usage-{product}-{usage.From}-{usage.To}.csv";
    }

    public static async Task WriteAsync(UsageResponse usage, Stream body, CancellationToken ct)
    {
        await using var writer = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
        await using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture, leaveOpen: true);
        string[] header = usage.Measure switch
        {
            UsageMeasure.Users => ["month", "activeUsers", "enabledUsers"],
            UsageMeasure.Seats => ["month", "seatsPurchased", "seatsAssigned"],
        };
        foreach (var column in header)
        {
            csv.WriteField(column);
        }

        await csv.NextRecordAsync();
        foreach (var month in usage.Months)
        {
            csv.WriteField(month.Month);
            switch (usage.Measure)
            {
                case UsageMeasure.Users:
                    csv.WriteField(month.ActiveUsers);
                    csv.WriteField(month.EnabledUsers);
                    break;
                case UsageMeasure.Seats:
                    csv.WriteField(month.SeatsPurchased);
                    csv.WriteField(month.SeatsAssigned);
                    break;
            }

            await csv.NextRecordAsync();
        }

        await writer.FlushAsync(ct);
    }
}
