namespace Receivables.Payments;

/// <summary>
/// The international structured creditor reference (ISO 11649, "RF reference"): <c>RF</c>, two check digits and up to
/// 21 letters or digits; valid when the digits of the reference moved behind <c>RF00</c> give 1 modulo 97 (ISO 7064).
/// </summary>
public static class CreditorReference
{
    public static bool IsRf(string value) => value.StartsWith("RF", StringComparison.OrdinalIgnoreCase);

    /// <summary>Upper case without spaces (references are printed in groups of four).</summary>
    public static string Normalize(string value) => value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();

    public static bool IsValid(string value)
    {
        var rf = Normalize(value);
        if (rf.Length is < 5 or > 25 || !rf.StartsWith("RF", StringComparison.Ordinal) || !char.IsAsciiDigit(rf[2]) || !char.IsAsciiDigit(rf[3]))
        {
            return false;
        }

        var rearranged = rf[4..] + rf[..4];
        var remainder = 0;
        foreach (var c in rearranged)
        {
            if (char.IsAsciiDigit(c))
            {
                remainder = ((remainder * 10) + (c - '0')) % 97;
            }
            else if (char.IsAsciiLetterUpper(c))
            {
                remainder = ((remainder * 100) + (c - 'A' + 10)) % 97;
            }
            else
            {
                return false;
            }
        }

        return remainder == 1;
    }

    /// <summary>The reference behind the check digits (what the creditor put in: an invoice number or a KID).</summary>
    public static string Body(string value) => Normalize(value)[4..];

    /// <summary>Builds an RF reference for <paramref name="body"/> (tests and the bench generator use this).</summary>
    public static string Create(string body)
    {
        var normalized = Normalize(body);
        var remainder = 0;
        foreach (var c in normalized + "RF00")
        {
            remainder = char.IsAsciiDigit(c) ? ((remainder * 10) + (c - '0')) % 97 : ((remainder * 100) + (c - 'A' + 10)) % 97;
        }

        var check = 98 - remainder;
        return $"RF{check:00}{normalized}";
    }
}
