/**
 * A republishing snippet written for these tests in the shape The
 * Conversation's "Republish this article" box produces (all content invented).
 */
export const ORIGINAL_URL = "https://theconversation.com/why-the-harrow-floods-every-spring-and-what-towns-can-do-123456";
export const COUNTER_URL = "https://counter.theconversation.com/content/123456/count.gif?distributor=republish-lightbox-basic";

export const SNIPPET = `
<link rel="canonical" href="${ORIGINAL_URL}" />
<h1>Why the Harrow floods every spring – and what towns can do</h1>
<span><a href="https://theconversation.com/profiles/amira-okafor-99" rel="author">Amira Okafor</a>, <em>Professor of Hydrology, University of Harrowgate</em></span>
<span><a href="https://theconversation.com/profiles/tom-reyes-100" rel="author">Tom Reyes</a>, <em>Research Fellow, Northfield Institute</em></span>
<script>alert("pwned")</script>
<p>Every spring the <strong>River Harrow</strong> bursts its banks. <a href="/topics/flooding" onclick="steal()">Our earlier reporting</a> showed why.</p>
<figure class="align-center zoomable">
  <img alt="Sandbags stacked outside a terraced house" src="https://images.theconversation.com/files/1/sandbags.jpg" onerror="steal()" />
  <figcaption><span class="caption">Residents prepare for the spring floods.</span> <span class="attribution"><a class="source" href="https://www.agency.example/photo/1">Jo Bloggs/Agency Photos</a></span></figcaption>
</figure>
<h2>A river with nowhere to go</h2>
<p>Upstream, the floodplain has been <em>built over</em> for decades.</p>
<blockquote><p>We moved the water off the fields and into the town.</p></blockquote>
<ul><li>Restore wetlands</li><li>Plant trees upstream</li></ul>
<figure>
  <img alt="A restored wetland beside the river" src="https://images.theconversation.com/files/2/wetland.jpg" />
  <figcaption><span class="caption">A restored wetland near Northfield.</span> <span class="attribution"><a class="source" href="https://commons.wikimedia.org/wiki/File:Wetland.jpg">Sam Lee/Wikimedia Commons</a>, <a class="license" href="https://creativecommons.org/licenses/by-sa/4.0/">CC BY-SA</a></span></figcaption>
</figure>
<p>Read more in <a href="javascript:alert(1)">this report</a>.</p>
<p>This article is republished from <a href="https://theconversation.com">The Conversation</a> under a Creative Commons license. Read the <a href="${ORIGINAL_URL}">original article</a>.</p>
<img src="${COUNTER_URL}" alt="The Conversation" width="1" height="1" style="border: none !important; box-shadow: none !important; margin: 0 !important; max-height: 1px !important; max-width: 1px !important; min-height: 1px !important; min-width: 1px !important; opacity: 0 !important; outline: none !important; padding: 0 !important" referrerpolicy="no-referrer-when-downgrade" />
`;
