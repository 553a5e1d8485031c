namespace Receivables.Ledger;

/// <summary>
/// The Norwegian payment reference (KID): 2 to 25 digits whose last digit is a MOD10 (Luhn) or MOD11 check digit
/// ('-' stands for 10 in MOD11).
/// </summary>
public static class Kid
{
    public static bool IsValid(string kid)
    {
        if (kid.Length is < 2 or > 25)
        {
            return false;
        }

        for (var i = 0; i < kid.Length - 1; i++)
        {
            if (!char.IsAsciiDigit(kid[i]))
            {
                return false;
            }
        }

        var body = kid.AsSpan(0, kid.Length - 1);
        var check = kid[^1];
        return (char.IsAsciiDigit(check) && Mod10(body) == check - '0') || Mod11(body) == check;
    }

    /// <summary>The MOD10 (Luhn) check digit of the digits in <paramref name="body"/>.</summary>
    public static int Mod10(ReadOnlySpan<char> body)
    {
        var sum = 0;
        var doubleIt = true;
        for (var i = body.Length - 1; i >= 0; i--)
        {
            var d = body[i] - '0';
            if (doubleIt)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
            doubleIt = !doubleIt;
        }

        return (10 - (sum % 10)) % 10;
    }

    /// <summary>The MOD11 check character (weights 2..7 from the right; '-' when the remainder gives 10).</summary>
    public static char Mod11(ReadOnlySpan<char> body)
    {
        var sum = 0;
        var weight = 2;
        for (var i = body.Length - 1; i >= 0; i--)
        {
            sum += (body[i] - '0') * weight;
            weight = weight == 7 ? 2 : weight + 1;
        }

        var rest = 11 - (sum % 11);
        return rest switch
        {
            11 => '0',
            10 => '-',
            _ => (char)('0' + rest),
        };
    }

    /// <summary>Appends a MOD10 check digit to <paramref name="body"/> (the generator and samples use this).</summary>
    public static string WithMod10(string body) => body + (char)('0' + Mod10(body));
}
