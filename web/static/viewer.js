// Source viewer: bring the cited passage to the middle of the screen and give it focus.
"use strict";
const cited = document.getElementById("cited");
if (cited) {
  cited.scrollIntoView({block: "center"});
  cited.focus({preventScroll: true});
}
