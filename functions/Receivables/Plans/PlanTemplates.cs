namespace Receivables.Plans;

/// <summary>
/// Liquid templates that hold plan wording but are not emails of their own: rendered with
/// <see cref="Email.IMessageRenderer.RenderPartsAsync"/> and used inside the proposal and the printed agreement.
/// </summary>
public static class PlanTemplates
{
    /// <summary>The proposal's terms (the prose the model may reword, numbers checked): capture <c>terms</c>.</summary>
    public const string Terms = "plan-terms";

    /// <summary>The clauses of the printed agreement (nedbetalingsavtale og gjeldsbekreftelse).</summary>
    public const string Agreement = "plan-agreement";
}
