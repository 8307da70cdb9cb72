/*
 * The portal's maps. django-leaflet creates the map and fires "map:init"; this script adds the
 * province outline and the sites (embedded in the page as JSON), and on the home page keeps the
 * markers and the plain list in step with the filter form.
 */
(function () {
  "use strict";

  // A status's colour is portal.css's custom property --status-<code>, which the legend and the
  // status badges use too: one table of colours, kept in the stylesheet.
  var rootStyle = window.getComputedStyle(document.documentElement);

  function statusColour(status) {
    return rootStyle.getPropertyValue("--status-" + status).trim() || rootStyle.getPropertyValue("--ink").trim();
  }

  function readJSON(id) {
    var element = document.getElementById(id);
    return element ? JSON.parse(element.textContent) : null;
  }

  // Above this many sites, nearby markers are grouped into clusters (Leaflet.markercluster).
  var CLUSTER_ABOVE = 150;

  function isApproximate(properties) {
    return properties.precision !== "exact";
  }

  function markerStyle(properties) {
    var colour = statusColour(properties.status);
    // Approximate locations are hollow and dashed, exact ones solid.
    return {
      radius: 9,
      color: colour,
      weight: 3,
      fillColor: colour,
      fillOpacity: isApproximate(properties) ? 0.15 : 0.85,
      dashArray: isApproximate(properties) ? "4 3" : null,
      className: "site-marker site-" + properties.id
    };
  }

  function popupContent(properties, data, wrap) {
    var labels = data.labels;
    var url = data.urlPattern.replace(data.urlPlaceholder, properties.id);
    var box = document.createElement("div");
    box.className = "popup";
    var title = document.createElement("a");
    title.href = url;
    title.className = "popup-title";
    title.textContent = properties.name;
    box.appendChild(title);
    var asOf = properties.asOf ? labels.asOf.replace("%(date)s", properties.asOf) : labels.undated;
    [labels.kind[properties.kind], labels.status[properties.status] + " (" + asOf + ")"].forEach(function (text) {
      if (!text) { return; }
      var line = document.createElement("div");
      line.textContent = text;
      box.appendChild(line);
    });
    if (isApproximate(properties)) {
      var note = document.createElement("div");
      note.className = "popup-approximate";
      note.textContent = wrap.dataset.approximateLabel + ": " + labels.precision[properties.precision];
      box.appendChild(note);
    }
    var link = document.createElement("a");
    link.href = url;
    link.className = "popup-link";
    link.textContent = wrap.dataset.openLabel + " →";
    box.appendChild(link);
    var compare = document.createElement("a");
    compare.href = data.compareUrl + "?site=" + encodeURIComponent(properties.id);
    compare.className = "popup-compare";
    compare.textContent = wrap.dataset.compareLabel;
    box.appendChild(document.createElement("br"));
    box.appendChild(compare);
    return box;
  }

  function addOutline(map, wrap) {
    if (!wrap.dataset.outlineUrl) { return; }
    fetch(wrap.dataset.outlineUrl)
      .then(function (response) { return response.json(); })
      .then(function (outline) {
        L.geoJSON(outline, {
          interactive: false,
          attribution: wrap.dataset.outlineAttribution,
          style: { color: "#4b5563", weight: 2, fill: true, fillOpacity: 0.03, dashArray: "6 4" }
        }).addTo(map);
      });
  }

  function siteLayers(data, wrap) {
    return data.features.map(function (feature) {
      var layer = L.geoJSON(feature, {
        pointToLayer: function (f, latlng) { return L.circleMarker(latlng, markerStyle(f.properties)); },
        style: function (f) { return markerStyle(f.properties); }
      });
      layer.bindPopup(function () { return popupContent(feature.properties, data, wrap); });
      layer.properties = feature.properties;
      return layer;
    });
  }

  function selectedFilters(form) {
    var kinds = Array.prototype.filter.call(
      form.querySelectorAll("input[name=kind]"), function (box) { return box.checked; }
    ).map(function (box) { return box.value; });
    return { kinds: kinds, status: form.elements.status.value, district: form.elements.district.value };
  }

  function matches(properties, filters) {
    return filters.kinds.indexOf(properties.kind) !== -1 &&
      (!filters.status || properties.status === filters.status) &&
      (!filters.district || properties.district === filters.district);
  }

  function siteGroup(layers) {
    if (layers.length > CLUSTER_ABOVE && L.markerClusterGroup) {
      return L.markerClusterGroup({ chunkedLoading: true, showCoverageOnHover: false });
    }
    return L.featureGroup();
  }

  function addAll(group, layers) {
    if (group.addLayers) { return group.addLayers(layers); }  // clusters add in one pass
    layers.forEach(function (layer) { group.addLayer(layer); });
    return group;
  }

  function connectFilters(map, layers, form) {
    var group = siteGroup(layers).addTo(map);
    var rows = document.querySelectorAll("#site-table tbody tr[data-id]");
    var counter = document.getElementById("shown-count");

    function apply(updateAddress) {
      var filters = selectedFilters(form);
      var shown = 0;
      group.clearLayers();
      addAll(group, layers.filter(function (layer) { return matches(layer.properties, filters); }));
      rows.forEach(function (row) {
        var visible = matches(row.dataset, { kinds: filters.kinds, status: filters.status, district: filters.district });
        row.hidden = !visible;
        if (visible) { shown += 1; }
      });
      if (counter) { counter.textContent = counter.textContent.replace(/^\d+/, String(shown)); }
      if (updateAddress && window.history.replaceState) {
        var query = new URLSearchParams(new FormData(form)).toString();
        window.history.replaceState(null, "", query ? "?" + query : window.location.pathname);
      }
    }

    form.addEventListener("change", function () { apply(true); });
    form.addEventListener("submit", function (event) { event.preventDefault(); apply(true); });
    apply(false);
    return group;
  }

  // Start the map from the options the page carries as data (includes/map.html): no inline
  // script, so the Content Security Policy needs no nonce and cached pages stay valid.
  //
  // The map is created without a view, and map:init below sets the one that fits the sites:
  // created at the default view, it would fetch a screenful of tiles at that zoom first, and
  // then again at the zoom that fits.
  var defaultView = null;

  function start() {
    var options = readJSON("map-options");
    if (options && document.getElementById("main")) {
      defaultView = { center: options.center, zoom: options.zoom };
      options.center = null;
      options.zoom = null;
      options.fitextent = false;
      L.Map.djangoMap("main", { djoptions: options, globals: false, callback: null });
    }
  }

  // When the base map's tiles fail (offline, a blocked tile server), say so over the map:
  // the outline and the markers, drawn from the page itself, are still there.
  // The reader can dismiss it; further failing tiles do not bring it back.
  function reportTileFailures(map) {
    var notice = document.getElementById("map-notice");
    var dismissed = false;
    if (!notice) return;
    notice.querySelector("button").addEventListener("click", function () {
      dismissed = true;
      notice.hidden = true;
    });
    map.eachLayer(function (layer) {
      if (layer instanceof L.TileLayer) {
        layer.on("tileerror", function () { notice.hidden = dismissed; });
      }
    });
  }

  window.addEventListener("map:init", function (event) {
    var map = event.detail.map;
    var wrap = document.getElementById("map-wrap");
    var data = readJSON("map-data");
    reportTileFailures(map);
    if (!wrap || !data || !data.features.length) {
      map.setView(defaultView.center, defaultView.zoom);
      return;
    }
    addOutline(map, wrap);
    var layers = siteLayers(data, wrap);
    var form = document.getElementById("site-filters");
    var group = form ? connectFilters(map, layers, form) : addAll(siteGroup(layers), layers).addTo(map);
    if (layers.length === 1 && data.features[0].geometry.type === "Point") {
      var coordinates = data.features[0].geometry.coordinates;
      map.setView([coordinates[1], coordinates[0]], 11);
    } else if (layers.length) {
      // From the layers themselves: a cluster group still adding them in chunks would
      // report the bounds of the first chunk only.
      map.fitBounds(L.featureGroup(layers).getBounds(), { padding: [24, 24], maxZoom: 12 });
    }
  });

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
}());
