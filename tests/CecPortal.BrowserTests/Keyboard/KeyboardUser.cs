using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Playwright;
using Shouldly;
using static Microsoft.Playwright.Assertions;

namespace CecPortal.BrowserTests.Keyboard;

/// <summary>Where focus is after a key press, as the page reports it.</summary>
public sealed record FocusedElement(
    [property: JsonPropertyName("key")] int Key,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("visible")] bool Visible,
    [property: JsonPropertyName("inMain")] bool InMain);

/// <summary>What the previously focused element looked like with and without focus.</summary>
public sealed record FocusLook(
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("focused")] string Focused,
    [property: JsonPropertyName("unfocused")] string Unfocused);

/// <summary>
/// A person who uses the keyboard only: Tab, Shift+Tab, Enter, Space, arrows and typing; never a click, never a fill
/// on a field focus did not reach. Every Tab checks the focused element: focus moved (no trap), the element is on
/// screen, and once focus leaves it, that it looked different while focused (a visible focus indicator: its outline
/// or box shadow changed).
/// </summary>
public sealed class KeyboardUser(IPage page)
{
    // Each element gets a number the first time it takes focus; its focused look is kept until focus leaves it, then
    // compared with how it looks without focus. Only outline and box-shadow count, the two ways a focus ring is drawn.
    // Date and time fields are left out of that comparison: the browser highlights their focused day, month or year.
    private const string FocusScript = """
        () => {
          const state = window.__keyboard ??= { next: 1, keys: new WeakMap(), previous: null };
          const look = element => {
            const style = getComputedStyle(element);
            const outline = style.outlineStyle === 'none' || style.outlineWidth === '0px' ? 'none' : `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`;
            return `outline: ${outline}; box-shadow: ${style.boxShadow}`;
          };
          const describe = element => {
            const name = element.getAttribute('aria-label') || element.labels?.[0]?.textContent || element.textContent || element.getAttribute('name') || '';
            return `<${element.tagName.toLowerCase()}${element.id ? '#' + element.id : ''}> ${name.trim().replace(/\s+/g, ' ').slice(0, 60)}`;
          };
          let left = null;
          const active = document.activeElement && document.activeElement !== document.body ? document.activeElement : null;
          // A date or time field: Chromium moves focus through its parts and highlights the part itself.
          const segmented = element => element.tagName === 'INPUT' && ['date', 'time', 'datetime-local', 'month', 'week'].includes(element.type);
          if (state.previous && state.previous.element !== active && state.previous.element.isConnected && !segmented(state.previous.element)) {
            left = { description: state.previous.description, focused: state.previous.look, unfocused: look(state.previous.element) };
          }
          state.previous = null;
          if (!active) {
            return { focused: null, left };
          }
          if (!state.keys.has(active)) {
            state.keys.set(active, state.next++);
          }
          const rect = active.getBoundingClientRect();
          const description = describe(active);
          state.previous = { element: active, description, look: look(active) };
          return {
            focused: { key: state.keys.get(active), description, visible: rect.width > 0 && rect.height > 0, inMain: !!active.closest('main') },
            left,
          };
        }
        """;

    private const int MaxTabs = 400;

    private const int MaxStepsInsideOneField = 4;

    /// <summary>Every element that had focus and what it looked like then, for the report of a failing check.</summary>
    public List<string> Visited { get; } = [];

    public Task PressAsync(string key) => page.Keyboard.PressAsync(key);

    public Task TypeAsync(string text) => page.Keyboard.TypeAsync(text);

    private bool _motionReduced;

    /// <summary>Tab once (or Shift+Tab) and check the element focus reached; null when focus left the page's content.</summary>
    public async Task<FocusedElement?> TabAsync(bool backwards = false)
    {
        // Without motion, Bootstrap's focus rings appear at once (no 150 ms transition), so their look can be read.
        if (!_motionReduced)
        {
            await page.EmulateMediaAsync(new() { ReducedMotion = ReducedMotion.Reduce });
            _motionReduced = true;
        }

        await page.Keyboard.PressAsync(backwards ? "Shift+Tab" : "Tab");
        return await FocusAsync();
    }

    /// <summary>Checks the element that has focus now (after a key other than Tab moved it, or a page load).</summary>
    public async Task<FocusedElement?> FocusAsync()
    {
        var result = JsonSerializer.Deserialize<FocusReport>(await page.EvaluateAsync<string>($"() => JSON.stringify(({FocusScript})())"))!;
        if (result.Left is { } left)
        {
            left.Focused.ShouldNotBe(left.Unfocused, $"{left.Description} shows no focus indicator: its outline and box shadow are the same with and without focus ({left.Focused}).");
        }

        if (result.Focused is { } focused)
        {
            Visited.Add(focused.Description);
            focused.Visible.ShouldBeTrue($"{focused.Description} has focus but takes no space on the screen.");
        }

        return result.Focused;
    }

    /// <summary>
    /// On a page just loaded: the first Tab lands on the visible "Skip to content" link, and Enter moves focus into
    /// &lt;main&gt;, so the next Tab reaches the content instead of the navigation.
    /// </summary>
    public async Task SkipToContentAsync()
    {
        var first = await TabAsync();
        first.ShouldNotBeNull("The first Tab focused nothing.");
        var skipLink = page.GetByRole(AriaRole.Link, new() { Name = "Skip to content" });
        await Expect(skipLink).ToBeFocusedAsync();
        await Expect(skipLink).ToBeInViewportAsync();
        await page.Keyboard.PressAsync("Enter");
        (await page.EvaluateAsync<bool>("() => !!document.activeElement?.closest('main')")).ShouldBeTrue("Enter on the skip link did not move focus into <main>.");
        var next = await TabAsync();
        next.ShouldNotBeNull("Tab after the skip link focused nothing.");
        next.InMain.ShouldBeTrue($"Tab after the skip link reached {next.Description}, outside <main>.");
    }

    /// <summary>
    /// From the skip link (a page just loaded), Tab through everything: each Tab moves focus on (no trap), each focused
    /// element shows it, and the walk comes back to the skip link (the cycle is whole). Returns how many stops it made.
    /// </summary>
    public async Task<int> WalkTheWholePageAsync()
    {
        var start = await TabAsync();
        start.ShouldNotBeNull("The first Tab focused nothing.");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Skip to content" })).ToBeFocusedAsync();
        var stops = new HashSet<int> { start.Key };
        var previous = start.Key;
        var outside = 0;
        var stayed = 0;
        for (var tab = 0; tab < MaxTabs; tab++)
        {
            var focused = await TabAsync();
            if (focused is null)
            {
                // Past the last element focus goes to the browser itself; the next Tab comes back to the page.
                (++outside).ShouldBeLessThan(3, "Focus left the page and did not come back.");
                continue;
            }

            outside = 0;
            if (focused.Key == start.Key)
            {
                return stops.Count;
            }

            // A date field keeps focus while Tab moves through its day, month and year; a trap keeps it for good.
            stayed = focused.Key == previous ? stayed + 1 : 0;
            stayed.ShouldBeLessThan(MaxStepsInsideOneField, $"Tab did not move focus from {focused.Description}: a keyboard trap.");
            stops.Add(focused.Key);
            previous = focused.Key;
        }

        throw new ShouldAssertException($"{MaxTabs} Tabs did not bring focus back to the skip link. Last stops: {string.Join(" | ", Visited.TakeLast(8))}");
    }

    /// <summary>Tab (forwards) until <paramref name="target"/> has focus, checking every stop on the way.</summary>
    public async Task TabToAsync(ILocator target)
    {
        for (var tab = 0; tab < MaxTabs; tab++)
        {
            if (await target.EvaluateAsync<bool>("element => element === document.activeElement"))
            {
                return;
            }

            await TabAsync();
        }

        throw new ShouldAssertException($"{MaxTabs} Tabs did not reach the element. Last stops: {string.Join(" | ", Visited.TakeLast(8))}");
    }

    /// <summary>Tab to a field and type into it, as a person would.</summary>
    public async Task TabToAndTypeAsync(ILocator field, string text)
    {
        await TabToAsync(field);
        await page.Keyboard.TypeAsync(text);
    }

    /// <summary>Tab to a control and press <paramref name="key"/> on it (Enter on a link or button, Space on a checkbox).</summary>
    public async Task TabToAndPressAsync(ILocator control, string key = "Enter")
    {
        await TabToAsync(control);
        await page.Keyboard.PressAsync(key);
    }

    /// <summary>
    /// Tab to a closed select and move through its options with the down arrow until <paramref name="value"/> is chosen,
    /// as a person does without opening the list.
    /// </summary>
    public async Task TabToAndChooseAsync(ILocator select, string value)
    {
        await TabToAsync(select);
        for (var step = 0; step < MaxTabs && await select.InputValueAsync() != value; step++)
        {
            await page.Keyboard.PressAsync("ArrowDown");
        }

        await Expect(select).ToHaveValueAsync(value);
    }

    private sealed record FocusReport(
        [property: JsonPropertyName("focused")] FocusedElement? Focused,
        [property: JsonPropertyName("left")] FocusLook? Left);
}
