using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Receivables.Common;

namespace Receivables.Replies;

/// <summary>Signed-policy (ECDSA) or shared-secret authentication of inbound posts, compared in constant time.</summary>
public static class InboundAuthentication
{
    public static bool IsAuthentic(WebhookRequest request, byte[] body, RepliesOptions options, DateTimeOffset now)
    {
        var mode = options.AuthMode == InboundAuthMode.Auto
            ? (string.IsNullOrWhiteSpace(options.SignedWebhookPublicKey) ? InboundAuthMode.Secret : InboundAuthMode.Signature)
            : options.AuthMode;
        return mode == InboundAuthMode.Signature ? SignatureValid(request, body, options, now) : SecretValid(request, options);
    }

    private static bool SignatureValid(WebhookRequest request, byte[] body, RepliesOptions options, DateTimeOffset now)
    {
        var signature = InboundEmailWebhook.Header(request, options.SignatureHeader);
        var timestamp = InboundEmailWebhook.Header(request, options.TimestampHeader);
        if (string.IsNullOrWhiteSpace(options.SignedWebhookPublicKey) || signature is null || timestamp is null
            || !long.TryParse(timestamp, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
            || Math.Abs((now - DateTimeOffset.FromUnixTimeSeconds(seconds)).TotalMinutes) > options.SignatureMaxAgeMinutes)
        {
            return false;
        }

        try
        {
            using var ecdsa = ECDsa.Create();
            ecdsa.ImportSubjectPublicKeyInfo(Convert.FromBase64String(options.SignedWebhookPublicKey), out _);
            var signed = Encoding.UTF8.GetBytes(timestamp).Concat(body).ToArray();
            return ecdsa.VerifyData(signed, Convert.FromBase64String(signature), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        }
        catch (FormatException)
        {
            return false;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    private static bool SecretValid(WebhookRequest request, RepliesOptions options)
    {
        if (!string.IsNullOrEmpty(options.Secret) && request.RouteSecret is { Length: > 0 } routeSecret && SameSecret(routeSecret, options.Secret))
        {
            return true;
        }

        if (string.IsNullOrEmpty(options.BasicAuthUser) || string.IsNullOrEmpty(options.BasicAuthPassword)
            || InboundEmailWebhook.Header(request, "Authorization") is not { } authorization
            || !authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(authorization[6..].Trim()));
            return SameSecret(decoded, options.BasicAuthUser + ":" + options.BasicAuthPassword);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>Constant-time comparison (hashes first, so lengths do not leak either).</summary>
    private static bool SameSecret(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
