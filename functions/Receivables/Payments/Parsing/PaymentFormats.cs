namespace Receivables.Payments.Parsing;

/// <summary>Recognises a bank file by its first bytes and reads it with the matching streaming parser.</summary>
public static class PaymentFormats
{
    /// <summary>
    /// Reads every transaction of the file; throws <see cref="PaymentFileException"/> at the first fault, an amount above
    /// <paramref name="maxAmount"/> (<see cref="PaymentsOptions.MaxAmount"/>) included.
    /// </summary>
    public static IEnumerable<BankTransaction> Read(Stream stream, string file, PaymentFileSummary summary, decimal maxAmount = (decimal)PaymentsOptions.DefaultMaxAmount)
    {
        var buffered = stream.CanSeek ? stream : new BufferedStream(stream, 1 << 16);
        var prefix = new byte[64];
        var read = 0;
        int n;
        while (read < prefix.Length && (n = buffered.Read(prefix, read, prefix.Length - read)) > 0)
        {
            read += n;
        }

        var head = prefix.AsSpan(0, read);
        var content = new PrefixedStream(prefix, read, buffered);
        if (OcrGiroParser.Looks(head))
        {
            return OcrGiroParser.Read(content, file, summary, maxAmount);
        }

        var start = 0;
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            start = 3;
        }

        while (start < head.Length && head[start] is (byte)' ' or (byte)'\r' or (byte)'\n' or (byte)'\t')
        {
            start++;
        }

        if (start < head.Length && head[start] == (byte)'<')
        {
            return CamtParser.Read(content, file, summary, maxAmount);
        }

        throw new PaymentFileException(file, read == 0 ? 0 : 1, "format", read == 0 ? "" : System.Text.Encoding.Latin1.GetString(head[..Math.Min(head.Length, 20)]),
            "a Nets OCR giro file (first record NY000010) or an ISO 20022 camt.054, camt.053 or camt.052 XML file");
    }

    /// <summary>The bytes already peeked, then the rest of the stream.</summary>
    private sealed class PrefixedStream(byte[] prefix, int length, Stream rest) : Stream
    {
        private int position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (position < length)
            {
                var take = Math.Min(count, length - position);
                Array.Copy(prefix, position, buffer, offset, take);
                position += take;
                return take;
            }

            return rest.Read(buffer, offset, count);
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
