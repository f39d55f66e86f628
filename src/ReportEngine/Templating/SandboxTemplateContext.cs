using System.Collections.Concurrent;
using Scriban;
using Scriban.Runtime;
using Scriban.Runtime.Accessors;

namespace ReportEngine.Templating;

/// <summary>
/// The context every template renders in. Scriban reads a model type's members by reflection once per context; .NET
/// keeps what reflection read (and the invoke stubs it compiles for each property getter) only while something holds
/// it, so after a collection each report compiled about a thousand getters' stubs again and left them to the finalizer
/// (issue 26: the largest cost of a pack after the data). Every context here reads members with the same (default)
/// renamer and filter, so a type's accessor is made once per process and kept; the model types are the product's own,
/// a few dozen.
/// </summary>
internal class SandboxTemplateContext : TemplateContext
{
    private static readonly ConcurrentDictionary<Type, IObjectAccessor> TypedAccessors = new();

    protected override IObjectAccessor? GetMemberAccessorImpl(object target)
    {
        if (TypedAccessors.TryGetValue(target.GetType(), out var kept)) return kept;
        var accessor = base.GetMemberAccessorImpl(target);
        if (accessor is TypedObjectAccessor) TypedAccessors.TryAdd(target.GetType(), accessor);
        return accessor;
    }
}
