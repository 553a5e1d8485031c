using System.ComponentModel.DataAnnotations;

namespace Receivables.Web;

/// <summary>How the workspace knows who is working (<c>Receivables:Workspace</c>).</summary>
public sealed class WorkspaceOptions
{
    public const string Section = "Receivables:Workspace";

    /// <summary>
    /// <c>Local</c>: everyone who reaches the app is <see cref="LocalUser"/> with the controller role (the local host
    /// listens on 127.0.0.1 only). <c>AppService</c>: the identity and roles come from App Service Authentication's
    /// X-MS-CLIENT-PRINCIPAL header; requests without it are refused.
    /// </summary>
    [Required]
    [RegularExpression("^(Local|AppService)$", ErrorMessage = "Receivables:Workspace:Authentication must be 'Local' or 'AppService'.")]
    public string Authentication { get; init; } = "Local";

    /// <summary>The name recorded for decisions made in local mode.</summary>
    [Required]
    public string LocalUser { get; init; } = "operator";

    public bool BehindAppService => string.Equals(Authentication, "AppService", StringComparison.Ordinal);
}
