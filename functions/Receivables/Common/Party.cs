namespace Receivables.Common;

/// <summary>Whether a debtor is a business (B2B) or a consumer (B2C); the law and the policy differ.</summary>
public enum CustomerType
{
    Business,
    Consumer,
}
