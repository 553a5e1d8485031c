using System.Globalization;
using System.Numerics;
using Receivables.Ledger;

namespace Receivables.Plans;

/// <summary>
/// The payment reference (KID) of a repayment plan: one KID for every installment of the plan, never an invoice's own
/// KID (that would pay one invoice and leave the others open). The rule, for bank matching (docs/plans.md):
/// 15 digits = <c>9</c> (a plan) + the plan number in 13 digits (the plan id's 10 hex digits as a decimal number,
/// zero-padded) + a MOD10 (Luhn) check digit. A payment with this KID is allocated by <see cref="PlanAllocation"/>:
/// oldest covered invoice first.
/// </summary>
public static class PlanReference
{
    public const char Marker = '9';
    public const int Length = 15;

    public static string KidFor(string planId)
    {
        if (planId is not { Length: 11 } || planId[0] != 'P' || !long.TryParse(planId.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var number))
        {
            throw new ArgumentException($"'{planId}' is not a plan id (P + 10 hex digits).", nameof(planId));
        }

        return Kid.WithMod10(Marker + number.ToString("D13", CultureInfo.InvariantCulture));
    }

    /// <summary>The plan id a KID names, or null when it is not a valid plan KID.</summary>
    public static string? PlanIdOf(string? kid)
    {
        if (kid is not { Length: Length } || kid[0] != Marker || !Kid.IsValid(kid) || kid[^1] - '0' != Kid.Mod10(kid.AsSpan(0, Length - 1)))
        {
            return null;
        }

        var number = BigInteger.Parse(kid.AsSpan(1, 13), CultureInfo.InvariantCulture);
        return number > 0xFF_FFFF_FFFF ? null : "P" + ((long)number).ToString("x10", CultureInfo.InvariantCulture);
    }
}
