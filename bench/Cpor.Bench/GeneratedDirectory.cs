using System.Globalization;
using System.Text;
using Cpor.Web.Features.Demo;

namespace Cpor.Bench;

/// <summary>
/// A directory import body produced while it is read: tenants with every Microsoft 365 workload,
/// then <c>rows</c> monthly usage records across them. Nothing is held but the line being read,
/// so the benchmark measures the importer's memory, not the input's.
/// </summary>
internal sealed class GeneratedDirectory
{
    public const int Months = 24;

    private static readonly IReadOnlyList<string> Workloads = DemoDirectory.Microsoft365;

    public GeneratedDirectory(long usageRows)
    {
        UsageRows = usageRows;
        var units = (usageRows + Months - 1) / Months;
        Tenants = (units + Workloads.Count - 1) / Workloads.Count;
    }

    public long UsageRows { get; }

    public long Tenants { get; }

    public long Lines => Tenants + UsageRows;

    public IEnumerable<string> JsonLines()
    {
        var workloads = string.Join(',', Workloads.Select(w => $"\"{w}\""));
        for (long t = 0; t < Tenants; t++)
        {
            yield return $"{{\"type\":\"tenant\",\"tenantId\":\"{TenantId(t):D}\",\"name\":\"Bench tenant {t}\",\"country\":\"FR\",\"domains\":[\"bench-{t}.example\"],\"workloads\":[{workloads}]}}";
        }

        var first = new DateOnly(2024, 1, 1);
        for (long row = 0; row < UsageRows; row++)
        {
            // Month fastest, then workload, then tenant: the order a telemetry export would have.
            var month = first.AddMonths((int)(row % Months)).ToString("yyyy-MM", CultureInfo.InvariantCulture);
            var unit = row / Months;
            var workload = Workloads[(int)(unit % Workloads.Count)];
            var tenant = TenantId(unit / Workloads.Count);
            var enabled = 50 + (int)(unit % 1950);
            var active = enabled * (40 + (int)(row % Months)) / 100;
            yield return string.Create(CultureInfo.InvariantCulture,
                $"{{\"type\":\"usage\",\"tenantId\":\"{tenant:D}\",\"productId\":\"{workload}\",\"month\":\"{month}\",\"activeUsers\":{active},\"enabledUsers\":{enabled}}}");
        }
    }

    /// <summary>A stable, valid version-4 GUID per tenant number.</summary>
    public static Guid TenantId(long index) =>
        new((int)index, (short)(index >> 32), 0x4000, 0x80, 0, 0, 0, 0, 0, 0xbe, 0x0c);

    /// <summary>The lines as an NDJSON stream, encoded on demand.</summary>
    public Stream AsStream() => new LineStream(JsonLines().GetEnumerator());

    private sealed class LineStream(IEnumerator<string> lines) : Stream
    {
        private byte[] _current = [];
        private int _offset;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var written = 0;
            while (written < buffer.Length)
            {
                if (_offset == _current.Length)
                {
                    if (!lines.MoveNext())
                    {
                        break;
                    }

                    _current = Encoding.UTF8.GetBytes(lines.Current + "\n");
                    _offset = 0;
                }

                var n = Math.Min(buffer.Length - written, _current.Length - _offset);
                _current.AsSpan(_offset, n).CopyTo(buffer[written..]);
                _offset += n;
                written += n;
            }

            return written;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Read(buffer.Span));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Task.FromResult(Read(buffer.AsSpan(offset, count)));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                lines.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
