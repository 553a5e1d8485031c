namespace Receivables.Web.Security;

/// <summary>The two app roles: a controller acts, a viewer reads.</summary>
public static class WorkspaceRoles
{
    public const string Controller = "controller";
    public const string Viewer = "viewer";

    /// <summary>Policy: may see the workspace (controller or viewer).</summary>
    public const string Read = "workspace-read";

    /// <summary>Policy: may act (controller).</summary>
    public const string Act = "workspace-act";
}
