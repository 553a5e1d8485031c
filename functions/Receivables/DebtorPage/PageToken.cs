using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Receivables.DebtorPage;

/// <summary>
/// The token in a debtor's link: version, 16 random bytes (the link id), the expiry, and an HMAC-SHA256 over them
/// (first 16 bytes), base64url. A token that was altered fails the HMAC before anything is looked up.
/// </summary>
public static class PageToken
{
    private const byte Version = 1;
    private const int IdBytes = 16;
    private const int MacBytes = 16;
    private const int Length = 1 + IdBytes + 8 + MacBytes;

    public static string NewId() => Convert.ToHexString(RandomNumberGenerator.GetBytes(IdBytes)).ToLowerInvariant();

    public static string Create(byte[] key, string tokenId, DateTimeOffset expiresAt)
    {
        var bytes = new byte[Length];
        bytes[0] = Version;
        Convert.FromHexString(tokenId).CopyTo(bytes, 1);
        BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(1 + IdBytes), expiresAt.ToUnixTimeSeconds());
        Mac(key, bytes.AsSpan(0, 1 + IdBytes + 8)).CopyTo(bytes.AsSpan(1 + IdBytes + 8));
        return Base64Url(bytes);
    }

    /// <summary>The link id and expiry of a well-formed token whose HMAC is right; false for anything else.</summary>
    public static bool TryRead(byte[] key, string? token, out string tokenId, out DateTimeOffset expiresAt)
    {
        tokenId = "";
        expiresAt = default;
        // Only the canonical spelling: base64 leaves spare bits in the last character, and a token that differs in
        // them would otherwise be a second spelling of the same link.
        if (token is null || token.Length is < 40 or > 80 || FromBase64Url(token) is not { Length: Length } bytes || bytes[0] != Version || Base64Url(bytes) != token)
        {
            return false;
        }

        var expected = Mac(key, bytes.AsSpan(0, 1 + IdBytes + 8));
        if (!CryptographicOperations.FixedTimeEquals(expected, bytes.AsSpan(1 + IdBytes + 8)))
        {
            return false;
        }

        tokenId = Convert.ToHexString(bytes, 1, IdBytes).ToLowerInvariant();
        expiresAt = DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(1 + IdBytes)));
        return true;
    }

    /// <summary>A sub-key for one purpose ("link", "form"), so that a form token can never pass as a link.</summary>
    public static byte[] DeriveKey(string signingKey, string purpose) =>
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(signingKey), Encoding.UTF8.GetBytes("receivables-debtor-page/" + purpose));

    /// <summary>The antiforgery value of a form: HMAC of the token and the form's name.</summary>
    public static string FormToken(byte[] formKey, string token, string form) =>
        Base64Url(HMACSHA256.HashData(formKey, Encoding.UTF8.GetBytes(token + "|" + form)));

    public static bool CheckFormToken(byte[] formKey, string token, string form, string? presented) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(FormToken(formKey, token, form)), Encoding.ASCII.GetBytes(presented));

    private static byte[] Mac(byte[] key, ReadOnlySpan<byte> data) => HMACSHA256.HashData(key, data)[..MacBytes];

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[]? FromBase64Url(string text)
    {
        foreach (var c in text)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                return null;
            }
        }

        var padded = text.Replace('-', '+').Replace('_', '/');
        padded += (padded.Length % 4) switch { 2 => "==", 3 => "=", _ => "" };
        try
        {
            return Convert.FromBase64String(padded);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
