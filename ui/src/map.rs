//! The results on a map drawn offline: Italy's regions and provinces and Umbria's comuni as SVG
//! paths from the bundled boundaries, the comuni's names where they fit, a pin per service, the
//! search's centre, and the chosen service. No tiles and no network.
//!
//! The view is a box in the map's projected kilometres ([`bussola_model::project`]) given to the
//! SVG as its `viewBox`; panning and zooming only move that box, so the browser redraws the
//! same paths. Mouse wheel, drag, pinch (two pointers), the +/− buttons and the keyboard all
//! end in the same two operations, [`pan`] and [`zoom_at`].

use crate::i18n::use_lang;
use crate::icons::icon;
use crate::results::open_text;
use crate::{Screen, ServiceRef, ipc, use_nav};
use bussola_model::{
    Hit, LatLon, MAP_LABEL_PX, MapLayers, OpenState, ShapeKind, labels_that_fit, project,
};
use leptos::prelude::*;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::Arc;

/// `[x, y, width, height]` in projected kilometres.
type ViewBox = [f64; 4];

/// The narrowest and widest views: a neighbourhood, and all of Italy.
const MIN_WIDTH_KM: f64 = 0.5;
const MAX_WIDTH_KM: f64 = 1_500.0;
/// A pin's radius on screen, in CSS pixels (the touch target around it is larger).
const PIN_PX: f64 = 9.0;
/// A pointer that moved less than this between down and up was a tap, not a drag.
const TAP_SLOP_PX: f64 = 6.0;

thread_local! {
    /// The boundaries, asked of the shell once per window.
    static LAYERS: RefCell<Option<Arc<MapLayers>>> = const { RefCell::new(None) };
}

async fn layers() -> Result<Arc<MapLayers>, String> {
    if let Some(layers) = LAYERS.with(|l| l.borrow().clone()) {
        return Ok(layers);
    }
    let layers = Arc::new(ipc::map_layers().await?);
    LAYERS.with(|l| *l.borrow_mut() = Some(layers.clone()));
    Ok(layers)
}

/// The box zoomed by `factor` (above 1 zooms in) keeping the point `(mx, my)` where it is.
pub fn zoom_at(view: ViewBox, mx: f64, my: f64, factor: f64) -> ViewBox {
    let [x, y, w, h] = view;
    let new_w = (w / factor).clamp(MIN_WIDTH_KM, MAX_WIDTH_KM);
    let factor = w / new_w;
    [
        mx - (mx - x) / factor,
        my - (my - y) / factor,
        new_w,
        h / factor,
    ]
}

pub fn pan(view: ViewBox, dx: f64, dy: f64) -> ViewBox {
    [view[0] + dx, view[1] + dy, view[2], view[3]]
}

/// The box that shows every point with a margin, or `home` when there is none.
fn fit(points: &[(f64, f64)], home: ViewBox) -> ViewBox {
    let Some(&(x0, y0)) = points.first() else {
        return home;
    };
    let (mut min_x, mut min_y, mut max_x, mut max_y) = (x0, y0, x0, y0);
    for &(x, y) in points {
        min_x = min_x.min(x);
        min_y = min_y.min(y);
        max_x = max_x.max(x);
        max_y = max_y.max(y);
    }
    // At least 30 km across, so a single pin shows the comuni around it.
    let w = (max_x - min_x).max(30.0) * 1.25;
    let h = (max_y - min_y).max(30.0) * 1.25;
    let (cx, cy) = ((min_x + max_x) / 2.0, (min_y + max_y) / 2.0);
    [cx - w / 2.0, cy - h / 2.0, w, h]
}

/// How the SVG's `meet` fits the box into the element: pixels per km and the letterbox offset.
#[derive(Debug, Clone, Copy)]
struct Fit {
    scale: f64,
    offset_x: f64,
    offset_y: f64,
}

fn fit_of(view: ViewBox, size: (f64, f64)) -> Fit {
    let (w_px, h_px) = size;
    let scale = (w_px / view[2]).min(h_px / view[3]).max(1e-9);
    Fit {
        scale,
        offset_x: (w_px - view[2] * scale) / 2.0,
        offset_y: (h_px - view[3] * scale) / 2.0,
    }
}

/// The map point under a pixel of the element.
fn map_point(view: ViewBox, size: (f64, f64), px: f64, py: f64) -> (f64, f64) {
    let f = fit_of(view, size);
    (
        view[0] + (px - f.offset_x) / f.scale,
        view[1] + (py - f.offset_y) / f.scale,
    )
}

#[component]
pub fn MapView(hits: Vec<Hit>, centre: Option<LatLon>) -> impl IntoView {
    let lang = use_lang();
    let layers = LocalResource::new(layers);
    let unlocated = hits.iter().filter(|h| h.location.is_none()).count() as i64;
    let mut points: Vec<(f64, f64)> = hits
        .iter()
        .filter_map(|h| h.location.map(project))
        .collect();
    let centre_xy = centre.map(project);
    points.extend(centre_xy);
    let groups = Arc::new(group_pins(&hits));
    let hits = Arc::new(hits);
    let selected = RwSignal::new(None::<usize>);
    let (hits_for_card, groups_for_card) = (hits.clone(), groups.clone());
    let state = crate::search::use_search_state();
    let count = hits.len() as i64;
    view! {
        <div class="map-wrap">
            // Before the map: a keyboard or a screen reader need not walk every pin to reach
            // the same services as a list.
            <button type="button" class="link-button" id="map-as-list"
                on:click=move |_| state.filters.update(|f| f.map_view = false)>
                {icon("list")}
                {move || lang.t_with("map-as-list", &[("count", count.into())])}
            </button>
            <Transition fallback=|| view! { <p class="count">"…"</p> }>
                {
                    let (hits, groups) = (hits.clone(), groups.clone());
                    let points = points.clone();
                    move || layers.get().map(|answer| match answer {
                        Ok(layers) => {
                            let start = fit(&points, layers.home);
                            view! {
                                <MapCanvas layers hits=hits.clone() groups=groups.clone() centre=centre_xy start selected />
                            }.into_any()
                        }
                        Err(error) => view! { <p class="error" role="alert">{error}</p> }.into_any(),
                    })
                }
            </Transition>
            {(unlocated > 0).then(|| view! {
                <p class="hint">{move || lang.t_with("map-unlocated", &[("count", unlocated.into())])}</p>
            })}
            {
                move || selected.get().and_then(|g| groups_for_card.get(g)).map(|group| {
                    let hits: Vec<Hit> = group.members.iter().map(|&i| hits_for_card[i].clone()).collect();
                    view! { <PinCard hits /> }
                })
            }
        </div>
    }
}

/// The SVG itself and its controls.
#[component]
fn MapCanvas(
    layers: Arc<MapLayers>,
    hits: Arc<Vec<Hit>>,
    groups: Arc<Vec<PinGroup>>,
    centre: Option<(f64, f64)>,
    start: ViewBox,
    selected: RwSignal<Option<usize>>,
) -> impl IntoView {
    let lang = use_lang();
    let view_box = RwSignal::new(start);
    let size = RwSignal::new((360.0, 360.0));
    let svg_ref = NodeRef::<leptos::svg::Svg>::new();
    let measure = move || {
        if let Some(svg) = svg_ref.get_untracked() {
            let rect = svg.get_bounding_client_rect();
            if rect.width() > 0.0 {
                size.set((rect.width(), rect.height()));
            }
        }
    };
    Effect::new(move |_| {
        svg_ref.track();
        measure();
    });
    let _resize = window_event_listener(leptos::ev::resize, move |_| measure());
    // Pixels in the element from a pointer's client coordinates.
    let local = move |client_x: f64, client_y: f64| -> (f64, f64) {
        match svg_ref.get_untracked() {
            Some(svg) => {
                let rect = svg.get_bounding_client_rect();
                (client_x - rect.left(), client_y - rect.top())
            }
            None => (client_x, client_y),
        }
    };
    let zoom_centre = move |factor: f64| {
        view_box.update(|v| {
            *v = zoom_at(*v, v[0] + v[2] / 2.0, v[1] + v[3] / 2.0, factor);
        })
    };
    let on_wheel = move |ev: leptos::ev::WheelEvent| {
        ev.prevent_default();
        measure();
        let (px, py) = local(f64::from(ev.client_x()), f64::from(ev.client_y()));
        let (mx, my) = map_point(view_box.get_untracked(), size.get_untracked(), px, py);
        let factor = if ev.delta_y() < 0.0 { 1.25 } else { 0.8 };
        view_box.update(|v| *v = zoom_at(*v, mx, my, factor));
    };
    // Pointers down on the map, by id: one drags, two pinch.
    let pointers = Rc::new(RefCell::new(HashMap::<i32, (f64, f64)>::new()));
    let travelled = Rc::new(RefCell::new(0.0f64));
    let on_down = {
        let pointers = pointers.clone();
        let travelled = travelled.clone();
        move |ev: leptos::ev::PointerEvent| {
            measure();
            // The pointer is captured only once it drags (below): capturing now would send the
            // click of a tap to the map instead of the pin under it.
            let p = local(f64::from(ev.client_x()), f64::from(ev.client_y()));
            pointers.borrow_mut().insert(ev.pointer_id(), p);
            *travelled.borrow_mut() = 0.0;
        }
    };
    let on_move = {
        let pointers = pointers.clone();
        let travelled = travelled.clone();
        move |ev: leptos::ev::PointerEvent| {
            let mut pointers = pointers.borrow_mut();
            let Some(&before) = pointers.get(&ev.pointer_id()) else {
                return;
            };
            let now = local(f64::from(ev.client_x()), f64::from(ev.client_y()));
            let scale = fit_of(view_box.get_untracked(), size.get_untracked()).scale;
            match pointers.len() {
                1 => {
                    let (dx, dy) = (now.0 - before.0, now.1 - before.1);
                    let was_tap = *travelled.borrow() <= TAP_SLOP_PX;
                    *travelled.borrow_mut() += dx.hypot(dy);
                    if was_tap
                        && *travelled.borrow() > TAP_SLOP_PX
                        && let Some(svg) = svg_ref.get_untracked()
                    {
                        // Dragging on past the map's edge keeps panning.
                        let _ = svg.set_pointer_capture(ev.pointer_id());
                    }
                    view_box.update(|v| *v = pan(*v, -dx / scale, -dy / scale));
                }
                2 => {
                    let other = pointers
                        .iter()
                        .find(|(id, _)| **id != ev.pointer_id())
                        .map(|(_, p)| *p)
                        .unwrap_or(before);
                    let old_d = (before.0 - other.0).hypot(before.1 - other.1).max(1.0);
                    let new_d = (now.0 - other.0).hypot(now.1 - other.1).max(1.0);
                    let mid = ((now.0 + other.0) / 2.0, (now.1 + other.1) / 2.0);
                    let (mx, my) =
                        map_point(view_box.get_untracked(), size.get_untracked(), mid.0, mid.1);
                    *travelled.borrow_mut() += TAP_SLOP_PX;
                    view_box.update(|v| *v = zoom_at(*v, mx, my, new_d / old_d));
                }
                _ => {}
            }
            pointers.insert(ev.pointer_id(), now);
        }
    };
    let on_up = {
        let pointers = pointers.clone();
        move |ev: leptos::ev::PointerEvent| {
            pointers.borrow_mut().remove(&ev.pointer_id());
        }
    };
    let was_drag = {
        let travelled = travelled.clone();
        move || *travelled.borrow() > TAP_SLOP_PX
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let [_, _, w, h] = view_box.get_untracked();
        let step = (w.min(h)) * 0.15;
        match ev.key().as_str() {
            "ArrowLeft" => view_box.update(|v| *v = pan(*v, -step, 0.0)),
            "ArrowRight" => view_box.update(|v| *v = pan(*v, step, 0.0)),
            "ArrowUp" => view_box.update(|v| *v = pan(*v, 0.0, -step)),
            "ArrowDown" => view_box.update(|v| *v = pan(*v, 0.0, step)),
            "+" | "=" => zoom_centre(1.25),
            "-" | "_" => zoom_centre(0.8),
            "0" => view_box.set(start),
            _ => return,
        }
        ev.prevent_default();
    };
    let pin_radius = move || PIN_PX / fit_of(view_box.get(), size.get()).scale;
    let shapes = layers
        .shapes
        .iter()
        .map(|s| {
            let class = match s.kind {
                ShapeKind::Region => "region",
                ShapeKind::Province => "province",
                ShapeKind::Comune => "comune",
            };
            view! { <path class=class d=s.path.clone()><title>{s.name.clone()}</title></path> }
        })
        .collect_view();
    // Names where they fit at this zoom, larger comuni first, never over each other; hidden from
    // screen readers, which hear each boundary's title.
    let names = {
        let layers = layers.clone();
        move || {
            let view = view_box.get();
            let scale = fit_of(view, size.get()).scale;
            let font = MAP_LABEL_PX / scale;
            labels_that_fit(&layers.labels, view, scale)
                .into_iter()
                .map(|i| {
                    let label = &layers.labels[i];
                    view! {
                        <text class="comune-label" x=format!("{:.3}", label.x)
                            y=format!("{:.3}", label.y) font-size=format!("{font:.4}")
                            stroke-width=format!("{:.4}", font * 0.3)
                            text-anchor="middle" dominant-baseline="central">
                            {label.name.clone()}
                        </text>
                    }
                })
                .collect_view()
        }
    };
    let pins = groups
        .iter()
        .enumerate()
        .map(|(g, group)| {
            let members: Vec<&Hit> = group.members.iter().map(|&i| &hits[i]).collect();
            let state = if members.iter().any(|h| h.open_state == OpenState::Open) {
                "open"
            } else if members.iter().any(|h| h.open_state == OpenState::Closed) {
                "closed"
            } else if members.iter().any(|h| h.open_state == OpenState::Uncertain) {
                "uncertain"
            } else {
                "unknown"
            };
            let label = members
                .iter()
                .map(|h| h.name.as_str())
                .collect::<Vec<_>>()
                .join("; ");
            let ids = members
                .iter()
                .map(|h| h.id.0.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            let count = members.len();
            let (x, y) = (group.x, group.y);
            let was_drag = was_drag.clone();
            view! {
                <g class=format!("pin {state}") class:selected=move || selected.get() == Some(g)
                    data-ids=ids
                    transform=format!("translate({x:.3} {y:.3})")
                    role="button" tabindex="0" aria-label=label
                    aria-pressed=move || (selected.get() == Some(g)).to_string()
                    on:click=move |ev| {
                        ev.stop_propagation();
                        if !was_drag() { selected.set(Some(g)); }
                    }
                    on:keydown=move |ev| {
                        if ev.key() == "Enter" || ev.key() == " " {
                            ev.prevent_default();
                            ev.stop_propagation();
                            selected.set(Some(g));
                        }
                    }>
                    <circle class="pin-target" r=move || pin_radius() * 2.4 />
                    <circle class="pin-dot"
                        r=move || {
                            let many = if count > 1 { 1.4 } else { 1.0 };
                            let chosen = if selected.get() == Some(g) { 1.4 } else { 1.0 };
                            pin_radius() * many * chosen
                        } />
                    {(count > 1).then(|| view! {
                        <text class="pin-count" text-anchor="middle" dominant-baseline="central"
                            font-size=move || pin_radius() * 1.5>{count}</text>
                    })}
                </g>
            }
        })
        .collect_view();
    let centre_mark = centre.map(|(x, y)| {
        view! {
            <g class="centre" transform=format!("translate({x:.3} {y:.3})") role="img"
                aria-label=move || lang.t("map-search-centre")>
                <circle r=move || pin_radius() * 1.6 />
                <path d=move || {
                    let r = pin_radius() * 2.6;
                    format!("M{:.3} 0H{:.3}M0 {:.3}V{:.3}", -r, r, -r, r)
                } />
            </g>
        }
    });
    view! {
        <div class="map-controls">
            <button type="button" class="icon-button" id="map-zoom-in"
                aria-label=move || lang.t("map-zoom-in") on:click=move |_| zoom_centre(1.5)>
                {icon("plus")}
            </button>
            <button type="button" class="icon-button" id="map-zoom-out"
                aria-label=move || lang.t("map-zoom-out") on:click=move |_| zoom_centre(1.0 / 1.5)>
                {icon("minus")}
            </button>
            <button type="button" class="icon-button" id="map-reset"
                aria-label=move || lang.t("map-reset") on:click=move |_| view_box.set(start)>
                {icon("home")}
            </button>
        </div>
        <svg id="map" class="map" node_ref=svg_ref tabindex="0" role="application"
            aria-label=move || lang.t("map-label")
            aria-describedby="map-hint"
            preserveAspectRatio="xMidYMid meet"
            viewBox=move || {
                let [x, y, w, h] = view_box.get();
                format!("{x:.3} {y:.3} {w:.3} {h:.3}")
            }
            on:wheel=on_wheel
            on:pointerdown=on_down
            on:pointermove=on_move
            on:pointerup=on_up.clone()
            on:pointercancel=on_up
            on:keydown=on_key>
            <g class="shapes">{shapes}</g>
            <g class="labels" aria-hidden="true">{names}</g>
            {centre_mark}
            <g class="pins">{pins}</g>
        </svg>
        <p class="hint" id="map-hint">{move || lang.t("map-hint")}</p>
    }
}

/// The services behind the chosen pin (several share a point when only their comune is known),
/// each with the way to its detail.
#[component]
fn PinCard(hits: Vec<Hit>) -> impl IntoView {
    let lang = use_lang();
    let nav = use_nav();
    view! {
        <div class="pin-card" id="pin-card" aria-live="polite">
            <ul>
                {hits.into_iter().map(|hit| {
                    let service = ServiceRef { feed: hit.feed.clone(), id: hit.id.clone() };
                    let state = hit.open_state;
                    let next = hit.next_change.clone();
                    view! {
                        <li>
                            <h2 lang=hit.name_lang.clone() dir="auto">{hit.name.clone()}</h2>
                            <p class="meta">
                                {hit.city.clone()}
                                " "
                                {move || {
                                    let (class, text) = open_text(&lang.tr(), state, next.as_deref());
                                    view! { <span class=class>{text}</span> }
                                }}
                            </p>
                            <button type="button" class="primary pin-open" data-id=hit.id.0.clone()
                                on:click=move |_| nav.open(Screen::Detail(service.clone()))>
                                {move || lang.t("map-open-detail")}
                            </button>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </div>
    }
}

/// Services at the same point, one pin for all of them.
#[derive(Debug, Clone, PartialEq)]
pub struct PinGroup {
    x: f64,
    y: f64,
    members: Vec<usize>,
}

/// Groups the located hits by their exact point, in the order of the list.
fn group_pins(hits: &[Hit]) -> Vec<PinGroup> {
    let mut groups: Vec<PinGroup> = Vec::new();
    let mut by_point: HashMap<(u64, u64), usize> = HashMap::new();
    for (i, hit) in hits.iter().enumerate() {
        let Some(point) = hit.location else { continue };
        let key = (point.lat.to_bits(), point.lon.to_bits());
        match by_point.get(&key) {
            Some(&g) => groups[g].members.push(i),
            None => {
                let (x, y) = project(point);
                by_point.insert(key, groups.len());
                groups.push(PinGroup {
                    x,
                    y,
                    members: vec![i],
                });
            }
        }
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zooming_keeps_the_point_under_the_cursor() {
        let view = [0.0, 0.0, 100.0, 80.0];
        let zoomed = zoom_at(view, 25.0, 20.0, 2.0);
        assert_eq!(zoomed, [12.5, 10.0, 50.0, 40.0]);
        // The point at a quarter of the box stays at a quarter of the new box.
        assert!(((25.0 - zoomed[0]) / zoomed[2] - 0.25).abs() < 1e-12);
        // Never narrower than a neighbourhood.
        assert_eq!(zoom_at(view, 0.0, 0.0, 1e6)[2], MIN_WIDTH_KM);
    }

    #[test]
    fn the_first_view_holds_every_pin() {
        let home = [0.0, 0.0, 1.0, 1.0];
        assert_eq!(fit(&[], home), home);
        let [x, y, w, h] = fit(&[(10.0, 10.0), (50.0, 30.0)], home);
        assert!(x < 10.0 && y < 10.0 && x + w > 50.0 && y + h > 30.0);
        let pixel = map_point([0.0, 0.0, 100.0, 100.0], (200.0, 100.0), 100.0, 50.0);
        assert_eq!(pixel, (50.0, 50.0));
    }
}
