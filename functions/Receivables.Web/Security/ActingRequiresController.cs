using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Receivables.Web.Security;

/// <summary>
/// Every POST (every action) needs the controller role, checked on the server before anything else runs (before the
/// antiforgery check and the handler), so a viewer's post is refused with 403 whatever it carries.
/// </summary>
public sealed class ActingRequiresController(IAuthorizationService authorization) : IAsyncAuthorizationFilter, IOrderedFilter
{
    public int Order => -10_000;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var method = context.HttpContext.Request.Method;
        if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method))
        {
            return;
        }

        var user = context.HttpContext.User;
        if (user.Identity?.IsAuthenticated != true)
        {
            context.Result = new ChallengeResult();
            return;
        }

        if (!(await authorization.AuthorizeAsync(user, WorkspaceRoles.Act)).Succeeded)
        {
            context.Result = new ForbidResult();
        }
    }
}
