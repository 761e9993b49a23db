namespace Dispatch.Core.Members;

/// <summary>The service menu (菜单化服务) residents order from and members offer.</summary>
public enum ServiceCategory
{
    ElderCare,
    Repair,
    Errand,
    Tutoring,
    Legal,
    Health,
    Visit,
    Other,
}
