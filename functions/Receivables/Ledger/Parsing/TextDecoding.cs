using System.Text;

namespace Receivables.Ledger;

/// <summary>
/// Chooses the text encoding of an uploaded file from its first bytes: a UTF-8 BOM or valid UTF-8 means UTF-8,
/// other bytes mean Windows-1252 (when the profile allows <c>auto</c>), and NUL or control bytes, UTF-16/32 or a
/// binary file are refused as an unknown encoding.
/// </summary>
public static class TextDecoding
{
    private const int SniffBytes = 64 * 1024;

    static TextDecoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding Windows1252 => Encoding.GetEncoding(1252, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);

    public static Encoding StrictUtf8 { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The first bytes of a stream, and a stream that replays them before the rest (disposing it leaves the source open).</summary>
    public static async Task<(byte[] Prefix, Stream Replay)> PeekAsync(Stream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[SniffBytes];
        var filled = 0;
        int read;
        while (filled < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(filled), cancellationToken)) > 0)
        {
            filled += read;
        }

        var prefix = buffer[..filled];
        return (prefix, new ReplayStream(prefix, stream));
    }

    /// <summary>The encoding to read with, or an explanation why the bytes are not text this importer reads.</summary>
    public static (Encoding? Encoding, string? Problem) Choose(ReadOnlySpan<byte> prefix, string configured)
    {
        if (prefix.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return (StrictUtf8, null);
        }

        if (prefix.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || prefix.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return (null, "text in UTF-8 or Windows-1252; this file is UTF-16 or UTF-32 (save it as UTF-8)");
        }

        foreach (var b in prefix)
        {
            if (b < 0x20 && b is not (0x09 or 0x0A or 0x0D))
            {
                return (null, $"text in UTF-8 or Windows-1252; the file contains the control byte 0x{b:X2}, so its encoding is unknown (binary, UTF-16 without BOM, or compressed)");
            }
        }

        var configuredName = configured.Trim().ToLowerInvariant();
        if (configuredName is "windows-1252" or "cp1252" or "1252")
        {
            return (Windows1252, null);
        }

        var validUtf8 = IsUtf8(prefix, prefix.Length == SniffBytes);
        if (configuredName is "utf-8" or "utf8")
        {
            return validUtf8 ? (StrictUtf8, null) : (null, "UTF-8 text (the profile says utf-8); the file has bytes that are not UTF-8 (Windows-1252? set the profile's Encoding to auto)");
        }

        if (validUtf8)
        {
            return (StrictUtf8, null);
        }

        // Windows-1252 leaves 0x81, 0x8D, 0x8F, 0x90 and 0x9D undefined.
        foreach (var b in prefix)
        {
            if (b is 0x81 or 0x8D or 0x8F or 0x90 or 0x9D)
            {
                return (null, $"text in UTF-8 or Windows-1252; byte 0x{b:X2} is neither, so the encoding is unknown");
            }
        }

        return (Windows1252, null);
    }

    private static bool IsUtf8(ReadOnlySpan<byte> bytes, bool mayBeCut)
    {
        var status = System.Text.Unicode.Utf8.ToUtf16(bytes, new char[bytes.Length], out var read, out _, replaceInvalidSequences: false, isFinalBlock: !mayBeCut);
        return status == System.Buffers.OperationStatus.Done || (mayBeCut && status == System.Buffers.OperationStatus.NeedMoreData && bytes.Length - read < 4);
    }

    private sealed class ReplayStream(byte[] prefix, Stream rest) : Stream
    {
        private int offset;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (offset < prefix.Length)
            {
                var n = Math.Min(buffer.Length, prefix.Length - offset);
                prefix.AsSpan(offset, n).CopyTo(buffer);
                offset += n;
                return n;
            }

            return rest.Read(buffer);
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (offset < prefix.Length)
            {
                return Read(buffer.Span);
            }

            return await rest.ReadAsync(buffer, cancellationToken);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    }
}
